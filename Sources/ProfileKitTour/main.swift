import ProfileKit

print("ProfileKit tour")
