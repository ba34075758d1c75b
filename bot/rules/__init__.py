"""The domain rules: safety, redaction, notes, the contact directory, language, answer text.

Plain Python with no Rasa import, so each rule can be read and tested on its own."""
