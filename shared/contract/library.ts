import { z } from 'zod';
import { sideKindSchema, syncServiceSchema } from './sync';

/** One list's state of a title, as last read (DESIGN §5.1: the sync's stored reads). */
export const libraryListStateSchema = z.object({
  accountId: z.string(),
  service: syncServiceSchema,
  status: z.string().nullable(),
  progress: z.number().nullable(),
  progressVolumes: z.number().nullable(),
  /** 0-100. */
  score: z.number().nullable(),
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type LibraryListState = z.infer<typeof libraryListStateSchema>;

export const libraryTitleSchema = z.object({
  titleKey: z.string(),
  kind: sideKindSchema,
  title: z.string(),
  lists: z.array(libraryListStateSchema),
  /** The lists holding it say different things (status, progress or score). */
  disagree: z.boolean(),
});
export type LibraryTitle = z.infer<typeof libraryTitleSchema>;

export const libraryListOutputSchema = z.object({
  titles: z.array(libraryTitleSchema),
  /** When the newest list was read; null before the first sync. */
  readAt: z.string().nullable(),
});
