"""Text: the words table in both languages, the one sanitizer that makes outside text
safe to show or print, French typography, and placeholders."""
