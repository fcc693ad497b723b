import sys

if __name__ == "__main__":
    default = sys.getswitchinterval()  # seconds; 0.005 unless someone changed it
    print(f"default switch interval: {default * 1000:g} ms")
    #> default switch interval: 5 ms
    sys.setswitchinterval(0.0001)  # ask waiting threads to take over more often
    try:
        print(f"while testing:           {sys.getswitchinterval() * 1000:g} ms")
        #> while testing:           0.1 ms
    finally:
        sys.setswitchinterval(default)  # put it back: it affects the whole process
    print(f"restored:                {sys.getswitchinterval() * 1000:g} ms")
    #> restored:                5 ms
