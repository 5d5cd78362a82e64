"""``python -m kg``: the same command line as ``kg`` (handy where scripts are not on PATH)."""

from .cli import main

if __name__ == "__main__":
    main()
