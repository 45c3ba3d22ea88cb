"""Pure rules: no I/O, no Qt. Everything here is deterministic given its inputs."""
