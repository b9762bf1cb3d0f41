"""Verification: compare an extracted ApiModel with a service's CSDL (an oracle, never an input).

`read_csdl` reads the CSDL with xml.etree; `compare` measures agreement and lists every
disagreement as a located diagnostic; `docs_vocabulary` gives each recall measure its ceiling
(how much of the CSDL the pages name at all); `compare_operations` measures how the generated
client (rendered in memory) types each documented request against what the CSDL answers;
`documented_by_a_page` narrows the CSDL to the types the pages declare (`documented_summary`:
the measures over them). Generation never imports this package.
"""

from generator.verify.ceiling import docs_vocabulary
from generator.verify.compare import Agreement, compare
from generator.verify.csdl import Csdl, read_csdl
from generator.verify.operations import OperationAgreement, compare_operations
from generator.verify.scope import DocsScope, documented_by_a_page, documented_summary

__all__ = [
    "Agreement",
    "Csdl",
    "DocsScope",
    "OperationAgreement",
    "compare",
    "compare_operations",
    "docs_vocabulary",
    "documented_by_a_page",
    "documented_summary",
    "read_csdl",
]
