"""Prints the README's walkthrough block (the fenced block opened by ```bash walkthrough) verbatim."""
import sys

lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
start = lines.index("```bash walkthrough")
end = lines.index("```", start + 1)
print("\n".join(lines[start + 1 : end]))
