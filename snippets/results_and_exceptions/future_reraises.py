from concurrent.futures import ThreadPoolExecutor


def parse(text):
    return int(text)


if __name__ == "__main__":
    with ThreadPoolExecutor(max_workers=2) as pool:
        good = pool.submit(parse, "42")
        bad = pool.submit(parse, "x")

        print(f"good.result(): {good.result()}")
        #> good.result(): 42
        print(f"bad.exception(): {bad.exception()!r}")  # waits, returns it
        #> bad.exception(): ValueError("invalid literal for int() with base 10: 'x'")
        try:
            bad.result()  # waits, then raises the task's exception here
        except ValueError as error:
            print(f"bad.result() raised ValueError: {error}")
            #> bad.result() raised ValueError: invalid literal for int() with base 10: 'x'

        results = pool.map(parse, ["1", "x", "3"])
        try:
            for value in results:
                print(f"map gave {value}")
                #> map gave 1
        except ValueError as error:
            print(f"map raised at the failed item: {error}")
            #> map raised at the failed item: invalid literal for int() with base 10: 'x'
