"""The Qt window. The only layer that imports PySide6 or pyqtgraph."""
