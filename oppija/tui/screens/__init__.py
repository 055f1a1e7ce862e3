"""One screen per mode: the lecture, help, glossary, and the too-small message."""
