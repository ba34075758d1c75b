"""What Rasa loads by name from config.yml, endpoints.yml and credentials.yml: the NLU
components, the tracker store, the lock store, the NLG and the input channels."""
