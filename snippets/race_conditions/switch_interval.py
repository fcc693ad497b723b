import sys

if __name__ == "__main__":
    interval = sys.getswitchinterval()  # in seconds
    print(f"switch interval: {interval * 1000:g} ms")
    #> switch interval: 5 ms
