import multiprocessing

from offa_desktop.cli import console

if __name__ == "__main__":
    multiprocessing.freeze_support()  # the bundle's printing pool re-runs this executable
    console()
