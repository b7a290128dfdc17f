"""`python -m chronicon ...` runs the command-line tool (same as the `chronicon` script)."""

from chronicon.cli import main

if __name__ == "__main__":
    main()
