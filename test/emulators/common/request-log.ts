export interface LoggedRequest {
  service: string;
  method: string;
  path: string;
  /** GraphQL operation name, or METHOD path. */
  label: string;
  /** Counter key: one per endpoint, whatever its ids. */
  endpoint: string;
  /** 0 when the connection was reset or held until timeout. */
  status: number;
  ms: number;
  at: number;
  fault?: string;
}

/** Every request every emulator answered, for tests and benchmarks (requests per sync, 429s seen…). */
export class RequestLog {
  readonly entries: LoggedRequest[] = [];

  record(entry: LoggedRequest): void {
    this.entries.push(entry);
  }

  forService(service: string): LoggedRequest[] {
    return this.entries.filter((entry) => entry.service === service);
  }

  /** Requests per endpoint, e.g. { "anilist POST MediaListCollection": 3 }. */
  counters(service?: string): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const entry of service ? this.forService(service) : this.entries) {
      const key = `${entry.service} ${entry.endpoint}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
  }

  clear(): void {
    this.entries.length = 0;
  }
}
