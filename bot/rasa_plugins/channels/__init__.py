"""The input channels residents talk through (credentials.yml): REST and Socket.IO."""
