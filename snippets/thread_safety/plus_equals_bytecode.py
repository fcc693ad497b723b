import dis

counter = 0
STEPS = {"LOAD_GLOBAL": "read", "BINARY_OP": "add", "STORE_GLOBAL": "write"}


def increment():
    global counter
    counter += 1


if __name__ == "__main__":
    # The bytecode of `counter += 1`, without the housekeeping instructions around it
    # (which differ between Python versions).
    for instruction in dis.get_instructions(increment):
        if instruction.opname in STEPS:
            step = STEPS[instruction.opname]
            print(f"{step:<5}  {instruction.opname:<12} {instruction.argrepr}")
            #> read   LOAD_GLOBAL  counter
            #> add    BINARY_OP    +=
            #> write  STORE_GLOBAL counter
