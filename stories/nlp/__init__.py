"""Pure extraction pipeline: text in, frozen dataclasses out. No Django imports here."""
