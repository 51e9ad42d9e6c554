from dlkata.cli import main

main()
