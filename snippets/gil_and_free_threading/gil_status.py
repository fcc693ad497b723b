import sys
import sysconfig


def free_threaded_build():
    # Py_GIL_DISABLED is 1 in a free-threaded build (python3.13t, python3.14t),
    # 0 in a standard build of 3.13 and later, and unknown (None) before 3.13.
    return bool(sysconfig.get_config_var("Py_GIL_DISABLED"))


def gil_enabled():
    # sys._is_gil_enabled() exists from Python 3.13 on; before that, always a GIL.
    is_enabled = getattr(sys, "_is_gil_enabled", None)
    return True if is_enabled is None else is_enabled()


if __name__ == "__main__":
    print(f"free-threaded build: {free_threaded_build()}")
    #> free-threaded build: False
    print(f"GIL enabled now:     {gil_enabled()}")
    #> GIL enabled now:     True
