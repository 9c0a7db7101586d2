"""What every stage builds on: findings and fixes, escaping, atomic writes, signals, schemas."""
