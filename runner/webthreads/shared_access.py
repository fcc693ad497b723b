"""Which shared variable each instruction of the program's code reads or writes, from
a look at the code before it runs.

``plan(code, constants)`` maps the offset of each instruction that touches a module
global, an attribute or an item of a dict or a list to what it touches:

- ``("global", kind, name)``: ``LOAD_GLOBAL``, ``STORE_GLOBAL``, ``DELETE_GLOBAL``, and
  ``LOAD_NAME``/``STORE_NAME``/``DELETE_NAME`` in the module's own code (in a class
  body they are the class's names, not globals). Names in ``constants`` are left out:
  the program binds them only with ``def``, ``class`` or ``import``;
- ``("attr", kind, name, operand)``: ``LOAD_ATTR`` (not a method's load for a call),
  ``STORE_ATTR``, ``DELETE_ATTR``;
- ``("item", kind, container, key)``: a subscript read (``BINARY_SUBSCR``, or
  ``BINARY_OP []`` from 3.14), ``STORE_SUBSCR``, ``DELETE_SUBSCR``;
- ``("key", "read", container, key)``: ``key in container`` (``CONTAINS_OP``), a
  read of that item of a dict (of a list it reads them all, and is not watched).

A monitoring callback is not given the object an instruction works on. The operand
is found here by following the stack through the instructions before it: an operand
is ``("fast" | "global" | "name", name)`` or ``("const", value)`` when the value came
from such a load, with nothing between that could change it (a store to the same
name forgets it), else the access is not watched. The stack is followed exactly
through loads, ``COPY``, ``SWAP``, operators and calls; any other instruction, a jump
target or an exception handler forgets all that was known. What the callback then
finds under the name in the frame is the object (a global rebound by another thread
between the load and the instruction would be misread: the window is one
instruction).
"""

import ast
import dis
import sys

_NULL_ABOVE = sys.version_info >= (3, 14)  # LOAD_GLOBAL's NULL for a call: after it from 3.14

_FAST_LOADS = {"LOAD_FAST", "LOAD_FAST_CHECK", "LOAD_FAST_BORROW"}
_FAST_PAIRS = {"LOAD_FAST_LOAD_FAST", "LOAD_FAST_BORROW_LOAD_FAST_BORROW"}
_CONSTANTS = {"LOAD_CONST", "LOAD_SMALL_INT"}
_NOTHING = {"NOP", "NOT_TAKEN", "RESUME", "CACHE", "EXTENDED_ARG"}
# Instructions that take ``pops`` values and leave one, unknown.
_OPERATORS = {
    "BINARY_OP": 2,
    "BINARY_SUBSCR": 2,
    "COMPARE_OP": 2,
    "CONTAINS_OP": 2,
    "IS_OP": 2,
    "UNARY_NEGATIVE": 1,
    "UNARY_NOT": 1,
    "UNARY_INVERT": 1,
    "TO_BOOL": 1,
    "FORMAT_SIMPLE": 1,
}
# Stores and deletes of a name (a store pops the value): what was loaded from it is
# not what the name holds any more.
_STORES = {"STORE_FAST": "fast", "STORE_GLOBAL": "global", "STORE_NAME": "name"}
_DELETES = {"DELETE_FAST": "fast", "DELETE_GLOBAL": "global", "DELETE_NAME": "name"}


def plan(code, constants=frozenset()):
    """The accesses of ``code``'s own instructions (not of the code nested in it)."""
    module_level = code.co_name == "<module>"
    accesses = {}
    stack = []
    handlers = {entry.target for entry in dis.Bytecode(code).exception_entries}
    for instruction in dis.get_instructions(code):
        name = instruction.opname
        if instruction.is_jump_target or instruction.offset in handlers:
            stack = [None] * len(stack)
        access = _access(instruction, stack, module_level, constants)
        if access is not None:
            accesses[instruction.offset] = access
        stack = _after(instruction, name, stack)
    return accesses


def _access(instruction, stack, module_level, constants):
    name = instruction.opname
    if name in ("LOAD_GLOBAL", "STORE_GLOBAL", "DELETE_GLOBAL") or (
        module_level and name in ("LOAD_NAME", "STORE_NAME", "DELETE_NAME")
    ):
        variable = instruction.argval
        if variable in constants:
            return None
        return ("global", "read" if name.startswith("LOAD") else "write", variable)
    if name == "LOAD_ATTR" and not instruction.arg & 1:  # & 1: a method, for a call
        return _on(stack, 1, ("attr", "read", instruction.argval))
    if name == "STORE_ATTR":
        return _on(stack, 1, ("attr", "write", instruction.argval))
    if name == "DELETE_ATTR":
        return _on(stack, 1, ("attr", "write", instruction.argval))
    if name == "BINARY_SUBSCR" or (name == "BINARY_OP" and instruction.argrepr == "[]"):
        return _item(stack, "read")
    if name in ("STORE_SUBSCR", "DELETE_SUBSCR"):
        return _item(stack, "write")
    if name == "CONTAINS_OP" and len(stack) >= 2 and None not in stack[-2:]:
        return ("key", "read", stack[-1], stack[-2])
    return None


def _on(stack, depth, access):
    operand = stack[-depth] if len(stack) >= depth else None
    return None if operand is None else access + (operand,)


def _item(stack, kind):
    if len(stack) < 2 or stack[-2] is None or stack[-1] is None:
        return None
    return ("item", kind, stack[-2], stack[-1])


def _after(instruction, name, stack):
    """The stack after ``instruction``, as far as it is known."""
    arg = instruction.arg
    if name in _FAST_LOADS:
        return stack + [("fast", instruction.argval)]
    if name in _FAST_PAIRS:
        first, second = instruction.argval
        return stack + [("fast", first), ("fast", second)]
    if name in _CONSTANTS:
        return stack + [("const", instruction.argval)]
    if name == "LOAD_NAME":
        return stack + [("name", instruction.argval)]
    if name == "LOAD_GLOBAL":
        loaded = ("global", instruction.argval)
        if not arg & 1:
            return stack + [loaded]
        return stack + ([loaded, None] if _NULL_ABOVE else [None, loaded])
    if name in _NOTHING:
        return stack
    if name == "COPY" and len(stack) >= arg:
        return stack + [stack[-arg]]
    if name == "SWAP" and len(stack) >= arg:
        stack = list(stack)
        stack[-1], stack[-arg] = stack[-arg], stack[-1]
        return stack
    if name == "POP_TOP" and stack:
        return stack[:-1]
    pops = _OPERATORS.get(name)
    if name == "CALL":
        pops = arg + 2
    if pops is not None and len(stack) >= pops:
        return stack[:-pops] + [None]
    if name == "LOAD_ATTR" and stack:
        return stack[:-1] + [None] * (2 if arg & 1 else 1)
    if name in _STORES and stack:
        forgotten = (_STORES[name], instruction.argval)
        return [None if entry == forgotten else entry for entry in stack[:-1]]
    if name in _DELETES:
        forgotten = (_DELETES[name], instruction.argval)
        return [None if entry == forgotten else entry for entry in stack]
    if name in ("STORE_ATTR", "STORE_SUBSCR") and len(stack) >= (2 if name == "STORE_ATTR" else 3):
        return stack[: -2 if name == "STORE_ATTR" else -3]
    # Anything else: the depth changes as CPython says, and nothing is known any more.
    if arg is None:
        effect = dis.stack_effect(instruction.opcode)
    else:
        effect = dis.stack_effect(instruction.opcode, arg, jump=False)
    return [None] * max(0, len(stack) + effect)


def constant_names(source):
    """The names that ``source`` binds only with ``def``, ``class`` or ``import``: the
    program's functions, classes and modules, which no thread assigns."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return frozenset()
    defined, assigned = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            defined.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                defined.add(alias.asname or alias.name.partition(".")[0])
        elif isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            assigned.add(node.id)
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            assigned.update(node.names)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            assigned.add(node.name)
    return frozenset(defined - assigned)
