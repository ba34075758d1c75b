"""The benchmark and report harness (make bench, make privacy-report, make safety-report).

Outside the runtime package: the assistant never imports it."""
