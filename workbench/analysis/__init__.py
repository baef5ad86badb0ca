"""Analysis: figures and chart descriptions computed from the record, Qt-free.

A chart is described once here as plain data (workbench.analysis.charts) and drawn twice:
on screen by workbench.ui.charts (pyqtgraph) and in the quarterly PDF (reportlab,
vector). Nothing here imports Qt, pyqtgraph, the storage layer or the services: it reads
the services' plain records by their attribute names.
"""
