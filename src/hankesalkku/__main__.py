from hankesalkku.cli import main

main()
