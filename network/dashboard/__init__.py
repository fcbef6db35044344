"""The coordinators' dashboard: the network's sites and projects at a glance, with CSV exports."""
