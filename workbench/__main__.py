"""`python -m workbench` runs the same command line as `workbench`."""

from workbench.cli.main import main

raise SystemExit(main())
