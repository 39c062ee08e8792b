// Prints one closing line, "e2e: N passed, N failed, N skipped", that CI can read.
export default class SummaryReporter {
  constructor() { this.counts = { passed: 0, failed: 0, skipped: 0 }; }
  onTestEnd(test, result) {
    if (result.status === 'skipped') { this.counts.skipped++; return; }
    // Count each test once, by its final outcome.
    if (result.retry < test.retries && result.status !== 'passed') return;
    if (result.status === 'passed') this.counts.passed++; else this.counts.failed++;
  }
  onEnd() {
    const { passed, failed, skipped } = this.counts;
    console.log(`e2e: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  }
  printsToStdio() { return true; }
}
