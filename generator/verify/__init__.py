"""Verification: compare an extracted ApiModel with a service's CSDL (an oracle, never an input).

`read_csdl` reads the CSDL with xml.etree; `compare` measures agreement and lists every
disagreement as a located diagnostic; `docs_vocabulary` gives each recall measure its ceiling
(how much of the CSDL the pages name at all); `compare_operations` measures how the generated
client (rendered in memory) types each documented request against what the CSDL answers. Generation never imports this package.
"""

from generator.verify.ceiling import docs_vocabulary
from generator.verify.compare import Agreement, compare
from generator.verify.csdl import Csdl, read_csdl
from generator.verify.operations import OperationAgreement, compare_operations

__all__ = [
    "Agreement",
    "Csdl",
    "OperationAgreement",
    "compare",
    "compare_operations",
    "docs_vocabulary",
    "read_csdl",
]
