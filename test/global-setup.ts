/** Nothing global yet beyond a marker; e2e suites build the renderer themselves (test/e2e/support). */
export default function setup(): void {
  process.env.KIZUNA_TEST = '1';
}
