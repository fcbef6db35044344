"""The demo network: seed-based reference data, organisations, seven sites and demo users."""
