from actionplan.entry import main

main()
