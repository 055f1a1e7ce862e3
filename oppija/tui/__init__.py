"""The Textual interface: the app, its screens and widgets. Nothing below this layer imports it."""
