"""The chat widget component: its channel (serving /chat/), scripts, styles, pages and notes."""
