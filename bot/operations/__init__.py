"""Running the assistant: settings, processes, the scaled set, models, retention."""
