"""The chat widget and the pages that go with it, served by the Rasa server itself."""
