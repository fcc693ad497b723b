import math
from concurrent.futures import ProcessPoolExecutor

if __name__ == "__main__":  # required: worker processes may import this file
    numbers = [20_000, 21_000, 22_000, 23_000, 24_000]
    # math.factorial is CPU work that holds the GIL until it is done. Here each call
    # runs in a worker process, which has its own interpreter and its own GIL.
    with ProcessPoolExecutor(max_workers=2) as pool:
        results = pool.map(math.factorial, numbers)  # in the order of `numbers`
        for n, result in zip(numbers, results, strict=True):
            print(f"{n}! is a {result.bit_length():,}-bit number")
            #> 20000! is a 256,909-bit number
            #> 21000! is a 271,233-bit number
            #> 22000! is a 285,624-bit number
            #> 23000! is a 300,082-bit number
            #> 24000! is a 314,602-bit number
