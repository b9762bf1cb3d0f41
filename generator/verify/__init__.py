"""Verification: compare an extracted ApiModel with a service's CSDL (an oracle, never an input).

`read_csdl` reads the CSDL with xml.etree; `compare` measures agreement and lists every
disagreement as a located diagnostic. Generation never imports this package.
"""

from generator.verify.compare import Agreement, compare
from generator.verify.csdl import Csdl, read_csdl

__all__ = ["Agreement", "Csdl", "compare", "read_csdl"]
