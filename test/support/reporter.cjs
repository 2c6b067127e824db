// Mocha's spec reporter, closed by the plain summary line CI reads: "N passed, N failed, N skipped".
const { Spec } = require('mocha').reporters;

class PeriscopeReporter extends Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once('end', () => {
      const { passes, failures, pending } = this.stats;
      process.stdout.write(`${passes} passed, ${failures} failed, ${pending} skipped\n`);
    });
  }
}

module.exports = PeriscopeReporter;
