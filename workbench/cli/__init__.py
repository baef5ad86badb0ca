"""The headless command line: ``workbench`` and its subcommands (demo, check, screenshot)."""
