"""The documents app's writes, one module per topic (register: numbers; revocation: papers)."""
