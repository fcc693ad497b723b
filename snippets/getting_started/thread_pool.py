from concurrent.futures import ThreadPoolExecutor


def doubler(number):
    return number * 2  # a plain function that returns its result


if __name__ == "__main__":
    with ThreadPoolExecutor(max_workers=5) as pool:
        results = list(pool.map(doubler, range(5)))  # results in input order
    print(results)
    #> [0, 2, 4, 6, 8]
