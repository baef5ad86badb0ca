"""Data in and out, Qt-free: Excel and CSV import and export of the record, and backups.

Above the services (it writes through workbench.services.importing and reads through the
services' lists), below the window and the commands, which both drive it.
"""
