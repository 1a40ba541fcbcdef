export const PACKAGED_NATIVE_DIR: string;
export function packagedBinaryCopies(projectDir: string, binaries: Record<string, string>): Array<{ from: string; to: string }>;
export function packagingTarget(
  context: { platform?: { nodeName: string }; arch: string; electronVersion?: string },
  projectDir: string,
): { runtime: 'electron'; version: string; platform: string; arch: string };
export function beforeBuild(context: { appDir: string; platform?: { nodeName: string }; arch: string; electronVersion?: string }): Promise<false>;
export default beforeBuild;
