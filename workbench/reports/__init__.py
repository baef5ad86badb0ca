"""The PDF reports: the quarterly report for project managers (季度报告) and a problem's
one-page A3 sheet, laid out with reportlab (platypus), Qt-free.

``workbench.reports.document`` is the machinery (A4 pages, header and footer, "page 3 of
12", a table of contents, write-then-rename); a report is a list of sections, each a
function of the report's facts that returns its flowables or nothing (then it is left
out). Charts are the same descriptions the window draws (workbench.analysis.charts),
drawn here as vector graphics (``workbench.reports.charts``). reportlab is imported
only by these modules, when a report is made.
"""
