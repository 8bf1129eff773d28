# A "vendored package" of the probe function: it loads because the function's folder is on sys.path.
def greet(name):
    return "hello " + name
