from contentlint.cli import main

raise SystemExit(main())
