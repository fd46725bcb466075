"""The status bar: what the user is told, the read-ahead indicator and the loading notice."""
