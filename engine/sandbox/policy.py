"""What diagram code may say: RestrictedPython's rules, plus hooks on the costly operations.

RestrictedPython already refuses imports, dunder attributes and the like. On top of that,
every operation whose cost grows with its operands (`**`, `*`, `<<`, `+`, `%`, comparisons
and f-string formatting) becomes a call to a guard in `guards.py`, which checks the size of
the result before Python builds it. `try` and `with` are refused: a script that could catch
the exception that stops it could run on past its budget.
"""

from __future__ import annotations

import ast

from RestrictedPython.transformer import RestrictingNodeTransformer

#: Binary operators whose result can grow much faster than their operands.
GUARDED_BINOPS = {ast.Pow: "**", ast.Mult: "*", ast.LShift: "<<", ast.Add: "+", ast.Mod: "%"}

COMPARE_OPS = {
    ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=",
    ast.In: "in", ast.NotIn: "not in", ast.Is: "is", ast.IsNot: "is not",
}


def _call(name: str, args: list[ast.expr], like: ast.AST) -> ast.Call:
    node = ast.Call(func=ast.Name(name, ast.Load()), args=args, keywords=[])
    return ast.fix_missing_locations(ast.copy_location(node, like))


class GuardedPolicy(RestrictingNodeTransformer):
    """RestrictedPython's policy with size guards on the operators that can explode."""

    def visit_BinOp(self, node: ast.BinOp):
        node = super().visit_BinOp(node)
        symbol = GUARDED_BINOPS.get(type(node.op))
        if symbol is None:
            return node
        return _call("_binop_", [ast.Constant(symbol), node.left, node.right], node)

    def visit_Compare(self, node: ast.Compare):
        node = super().visit_Compare(node)
        ops = ast.Tuple([ast.Constant(COMPARE_OPS[type(op)]) for op in node.ops], ast.Load())
        # Every operand is evaluated, even where a chain (a < b < c) would stop early.
        return _call("_compare_", [ops, node.left, *node.comparators], node)

    def visit_FormattedValue(self, node: ast.FormattedValue):
        node = super().visit_FormattedValue(node)
        spec = node.format_spec or ast.Constant("")
        value = _call("_format_", [node.value, ast.Constant(node.conversion), spec], node)
        return ast.fix_missing_locations(ast.copy_location(ast.FormattedValue(value, -1, None), node))

    def visit_Try(self, node: ast.Try):
        self.error(node, "try/except tidak diizinkan dalam kode diagram.")
        return node

    def visit_With(self, node: ast.With):
        self.error(node, "with tidak diizinkan dalam kode diagram.")
        return node
