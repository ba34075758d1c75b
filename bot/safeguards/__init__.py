"""What protects every Rasa server, installed by one bootstrap whatever channels are configured."""
