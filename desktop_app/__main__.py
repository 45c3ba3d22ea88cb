from desktop_app.launcher import run

run()
