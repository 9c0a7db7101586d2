from contentlint.cli import main

if __name__ == "__main__":  # not when a child process imports it (discovery's: language/discovery.py)
    raise SystemExit(main())
